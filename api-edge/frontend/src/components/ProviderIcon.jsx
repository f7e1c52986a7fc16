const ICONS = {
  slack: { letter: 'S', className: 'icon-slack' },
  notion: { letter: 'N', className: 'icon-notion' },
  gmail: { letter: 'G', className: 'icon-gmail' },
  folder: { letter: 'F', className: 'icon-folder' },
};

/** A provider's badge: its initial on its colour (no vendor artwork is shipped). */
export function ProviderIcon({ icon }) {
  const { letter, className } = ICONS[icon] ?? { letter: '•', className: 'icon-other' };
  return <span className={`provider-icon ${className}`} aria-hidden="true">{letter}</span>;
}
