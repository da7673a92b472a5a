import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../renderer/app/i18n';
import { db } from '../../../renderer/db';
import { ImportDialog } from '../../../renderer/features/import';
import type { Language } from '../../../shared/model/settings';
import { csvBytes, fixtureBytes } from './importTestKit';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function renderDialog(language: Language = 'en') {
  const i18n = await createI18n(language);
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <ImportDialog onClose={onClose} ownerName="王芳" defaultPhoneRegion="CN" defaultKind="outbound" />
    </I18nextProvider>,
  );
  return { onClose, user: userEvent.setup() };
}

const gbkFile = () => new File([fixtureBytes('leads-gbk.csv')], 'leads-gbk.csv', { type: 'text/csv' });

describe('ImportDialog', () => {
  it('imports a GBK file: preview with encoding and mapping, then a report of the bad row', async () => {
    const { user, onClose } = await renderDialog();
    await user.upload(screen.getByLabelText('Choose a CSV file'), gbkFile());

    expect(await screen.findByText('Encoding: GBK / GB18030 (Chinese Excel CSV)')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'First 5 rows of the file' })).toHaveTextContent('杭州云帆智能科技有限公司');
    expect(screen.getByRole('combobox', { name: 'Column 公司 maps to' })).toHaveValue('company');
    expect(screen.getByRole('combobox', { name: 'Column 手机 maps to' })).toHaveValue('phones');
    expect(screen.getByRole('combobox', { name: 'Column 来源 maps to' })).toHaveValue('sourceChannel');
    expect(screen.getByRole('radio', { name: 'Skip them' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Import 6 leads' }));

    expect(await screen.findByText('New leads: 5')).toBeInTheDocument();
    expect(screen.getByText('Rows with errors, not imported: 1')).toBeInTheDocument();
    const report = screen.getByRole('table', { name: 'Rows not imported' });
    const rows = within(report).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '手机', '12345', 'Not a valid phone number']);
    expect(await db.leads.count()).toBe(5);
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('speaks Chinese', async () => {
    const { user } = await renderDialog('zh-CN');
    await user.upload(screen.getByLabelText('选择 CSV 文件'), gbkFile());
    expect(await screen.findByText('文件编码：GBK / GB18030（中文版 Excel 默认的 CSV 编码）')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '“手机”列导入为' })).toHaveValue('phones');
    await user.click(screen.getByRole('button', { name: '导入 6 条线索' }));
    expect(await screen.findByText('新增线索：5 条')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '不是有效的电话号码' })).toBeInTheDocument();
  });

  it('will not start until company and a contact column are mapped, and says why', async () => {
    const { user } = await renderDialog();
    await user.upload(screen.getByLabelText('Choose a CSV file'), new File([csvBytes(['Company,Mobile', 'Acme,13800138000'])], 'a.csv', { type: 'text/csv' }));
    const importButton = await screen.findByRole('button', { name: 'Import 1 lead' });
    expect(importButton).toBeEnabled();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Column Mobile maps to' }), 'ignore');
    expect(importButton).toBeDisabled();
    expect(importButton).toHaveAccessibleDescription('Choose at least one column with a phone number, e-mail or WeChat ID.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Column Company maps to' }), 'custom');
    expect(screen.getByText('Choose the column that holds the company name.')).toBeInTheDocument();
  });

  it('explains that an Excel workbook must be saved as CSV', async () => {
    const { user } = await renderDialog();
    const xlsx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])], 'leads.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Choose a CSV file'), xlsx);
    expect(await screen.findByRole('alert')).toHaveTextContent('This looks like an Excel workbook. Save it as CSV');
    expect(screen.getByLabelText('Choose a CSV file')).toHaveFocus();
  });

  it('accepts a file dropped on the file area', async () => {
    await renderDialog();
    const area = screen.getByLabelText('Choose a CSV file').closest('.import-drop');
    if (!area) throw new Error('no drop area');
    fireEvent.dragOver(area);
    fireEvent.drop(area, { dataTransfer: { files: [gbkFile()] } });
    expect(await screen.findByRole('button', { name: 'Import 6 leads' })).toBeInTheDocument();
  });

  it('shows progress while saving and can be cancelled, importing nothing', async () => {
    const { user } = await renderDialog();
    const lines = ['公司,手机'];
    for (let i = 0; i < 2300; i++) lines.push(`测试${i}有限公司,1380000${String(i).padStart(4, '0')}`);
    await user.upload(screen.getByLabelText('Choose a CSV file'), new File([csvBytes(lines)], 'big.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: 'Import 2,300 leads' }));

    const progress = await screen.findByRole('progressbar', { name: 'Import progress' });
    // Checking runs first (in-thread here); the first saved chunk then reports its count.
    expect(await screen.findByText(/^Saving leads… 500 \/ 2,300 rows$/)).toBeInTheDocument();
    expect(progress).toHaveAttribute('aria-valuetext', '500 / 2,300 rows');
    await user.click(screen.getByRole('button', { name: 'Cancel import' }));

    expect(await screen.findByText('Import cancelled. Nothing was imported; your leads are as they were.')).toBeInTheDocument();
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.importBatches.toArray()).toEqual([expect.objectContaining({ state: 'cancelled', fileName: 'big.csv' })]);
  });

  it('downloads the report as CSV with a BOM', async () => {
    const { user } = await renderDialog();
    await user.upload(screen.getByLabelText('Choose a CSV file'), gbkFile());
    await user.click(await screen.findByRole('button', { name: 'Import 6 leads' }));
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:report'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(await screen.findByRole('button', { name: 'Download report (CSV)' }));
    expect(click).toHaveBeenCalled();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0]!.arrayBuffer());
    expect(text).toBe('\uFEFFRow,Field,Value,Reason\r\n5,手机,12345,Not a valid phone number\r\n');
  });
});
