/** The ways a citizen reaches the municipality that identify them: one citizen per phone, WhatsApp id or e-mail. */
export enum IdentityKind {
  Phone = 'phone',
  Whatsapp = 'whatsapp',
  Email = 'email',
}
