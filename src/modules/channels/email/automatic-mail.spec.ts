import { automaticMailReason, isAutomaticMail } from './automatic-mail';

describe('isAutomaticMail', () => {
  it('lets mail a person wrote through', () => {
    expect(isAutomaticMail({ from: 'Ayşe <ayse@example.com>', 'return-path': '<ayse@example.com>', 'content-type': 'text/plain' })).toBe(false);
    expect(isAutomaticMail({ 'auto-submitted': 'no' })).toBe(false);
    expect(isAutomaticMail({ 'auto-submitted': 'No (manually sent)' })).toBe(false);
    expect(isAutomaticMail({ precedence: 'first-class' })).toBe(false);
    expect(isAutomaticMail({})).toBe(false);
  });

  it('recognises Auto-Submitted other than no', () => {
    expect(automaticMailReason({ 'auto-submitted': 'auto-replied' })).toBe('auto-submitted: auto-replied');
    expect(isAutomaticMail({ 'auto-submitted': ' Auto-Generated ' })).toBe(true);
    expect(isAutomaticMail({ 'auto-submitted': 'auto-notified; owner-email="x@y.z"' })).toBe(true);
  });

  it('recognises bulk, list and junk precedence', () => {
    for (const precedence of ['bulk', 'List', 'junk']) expect(isAutomaticMail({ precedence })).toBe(true);
  });

  it('recognises an empty return path and delivery reports', () => {
    expect(automaticMailReason({ 'return-path': '< >' })).toBe('empty return path');
    expect(automaticMailReason({ 'content-type': 'multipart/report; report-type=delivery-status; boundary="x"' })).toBe('delivery report');
    expect(automaticMailReason({ from: 'Mail Delivery System <MAILER-DAEMON@mx.example.com>' })).toBe('delivery report');
    expect(isAutomaticMail({ from: 'postmaster@example.com' })).toBe(true);
  });

  it('recognises the old autoresponder headers', () => {
    expect(isAutomaticMail({ 'x-autoreply': 'yes' })).toBe(true);
  });
});
