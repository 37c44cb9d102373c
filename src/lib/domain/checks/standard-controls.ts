/**
 * The baseline security controls a programme starts with; the catalogue is editable per
 * programme. Names are what a council's SIRO or head of IT would recognise.
 */
export const STANDARD_SECURITY_CONTROLS: readonly { name: string; description: string }[] = [
  { name: 'MFA for all staff', description: 'Multi-factor authentication on every staff account' },
  { name: 'Cyber Essentials Plus', description: 'Current certificate, with its expiry date' },
  {
    name: 'PSN or successor connection',
    description: 'Public Services Network compliance, or the connection that replaces it'
  },
  { name: 'Tested backups', description: 'Backups restored in a test within the last year' },
  { name: 'Incident response plan', description: 'A cyber incident plan, rehearsed' },
  {
    name: 'CAF for local government self-assessment',
    description: 'Cyber Assessment Framework self-assessment completed'
  },
  {
    name: 'Named SIRO and DPO',
    description: 'A senior information risk owner and a data protection officer in post'
  }
];
