import { domain } from '../../sip/kamailio';
import { configureSoftphone } from './configure';
import { SDR_USER, openDesk, softphoneStatus, startRig } from './desk';

const rig = await startRig();
try {
  const desk = await openDesk(rig);
  desk.page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
  await configureSoftphone(desk.page, { wsUrl: rig.kamailio.wsUrl, sipUri: `sip:${SDR_USER}@${domain}`, template: `sip:{digits}@${domain}`, dtmf: 'info' });
  let last = '';
  const t0 = Date.now();
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const text = await softphoneStatus(desk.page).textContent().catch((e) => String(e));
    if (text !== last) console.log(((Date.now() - t0) / 1000).toFixed(1), 'status:', text, await rig.kamailio.isRegistered(SDR_USER));
    last = text ?? '';
  }
} finally {
  await rig.close();
}
