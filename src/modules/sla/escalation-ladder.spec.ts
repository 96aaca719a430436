import { EscalationLevel } from './clock-schedule';
import { ladderRecipients, LadderUnit } from './escalation-ladder';

const fen: LadderUnit = {
  name: 'Fen İşleri Müdürlüğü',
  email: 'fen@ornek.bel.tr',
  managers: [{ userId: 'u-mudur', name: 'Müdür Bey', email: 'mudur@ornek.bel.tr', phone: '+905301110020' }],
  contacts: [{ name: 'Nöbetçi Şef', email: 'sef@ornek.bel.tr', phone: '+905301110021' }],
};
const by: LadderUnit = {
  name: 'Fen Başkan Yardımcılığı',
  email: null,
  managers: [],
  contacts: [{ name: 'Nurten Koç', email: 'nurten.koc@ornek.bel.tr', phone: '+905301110010' }],
};
const assignee = { userId: 'u-staff', name: 'Ayşe Personel', email: 'ayse@ornek.bel.tr', phone: '+905301110099' };

describe('ladderRecipients', () => {
  it('warns the assignee and the department (its mailbox; managers in the app and by e-mail, not by SMS)', () => {
    expect(ladderRecipients({ level: EscalationLevel.Warning, assignee, department: fen, parent: by })).toEqual([
      { name: 'Ayşe Personel', userId: 'u-staff', email: 'ayse@ornek.bel.tr', phone: '+905301110099' },
      { name: 'Müdür Bey', userId: 'u-mudur', email: 'mudur@ornek.bel.tr' },
      { name: 'Fen İşleri Müdürlüğü', email: 'fen@ornek.bel.tr' },
    ]);
  });

  it('tells the müdür and the escalation contacts of a breach, on every channel', () => {
    const recipients = ladderRecipients({ level: EscalationLevel.Breach, assignee, department: fen, parent: by });
    expect(recipients.map((r) => r.name)).toEqual(['Müdür Bey', 'Nöbetçi Şef']);
    expect(recipients[0]).toMatchObject({ email: 'mudur@ornek.bel.tr', phone: '+905301110020' });
  });

  it('goes to the başkan yardımcısı above for the last step', () => {
    expect(ladderRecipients({ level: EscalationLevel.Further, assignee, department: fen, parent: by })).toEqual([
      { name: 'Nurten Koç', email: 'nurten.koc@ornek.bel.tr', phone: '+905301110010' },
    ]);
  });

  it('names each person once even when they hold two roles', () => {
    const twice = { ...fen, contacts: [fen.managers[0]] };
    expect(ladderRecipients({ level: EscalationLevel.Breach, assignee: null, department: twice, parent: null })).toHaveLength(1);
  });

  it('has nobody to tell when a ticket has no department yet', () => {
    expect(ladderRecipients({ level: EscalationLevel.Breach, assignee: null, department: null, parent: null })).toEqual([]);
  });
});
