import { useId, type ReactNode } from 'react';

/** A titled card, named by its title so it can be found (and jumped to) as a region. */
export function Card({ title, className, aside, children }: { readonly title: string; readonly className?: string; readonly aside?: ReactNode; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="card-header">
        <h3 id={id} className="card-title">
          {title}
        </h3>
        {aside}
      </div>
      {children}
    </section>
  );
}
