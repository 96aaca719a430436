export enum TicketKind {
  Sikayet = 'sikayet',
  Talep = 'talep',
  Oneri = 'oneri',
  BilgiEdinme = 'bilgi_edinme',
  Ihbar = 'ihbar',
  Tesekkur = 'tesekkur',
}

export enum TicketChannel {
  Phone = 'phone',
  Sms = 'sms',
  Whatsapp = 'whatsapp',
  Web = 'web',
  Email = 'email',
  WalkIn = 'walk_in',
  FieldTeam = 'field_team',
  Muhtar = 'muhtar',
  Cimer = 'cimer',
  /** Filed by a city app or FixMyStreet-like client over Open311 GeoReport v2. */
  Open311 = 'open311',
}

export enum TicketPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

export enum LegalBasis {
  Law3071 = 'law_3071',
  Law4982 = 'law_4982',
  Kvkk = 'kvkk',
  Internal = 'internal',
}

/**
 * An ihbar's informant is hidden: no view, list, search, copy or duplicate mark ties them to it;
 * only supervisors and admins read who they are, through the logged contact action.
 */
export const hidesApplicant = (kind: TicketKind): boolean => kind === TicketKind.Ihbar;

export const KIND_LABELS: Record<TicketKind, string> = {
  [TicketKind.Sikayet]: 'Şikâyet',
  [TicketKind.Talep]: 'Talep',
  [TicketKind.Oneri]: 'Öneri',
  [TicketKind.BilgiEdinme]: 'Bilgi edinme',
  [TicketKind.Ihbar]: 'İhbar',
  [TicketKind.Tesekkur]: 'Teşekkür',
};

/**
 * What a category's extra field holds: Open311 GeoReport v2's own attribute datatypes, so a
 * field defined here is a service-definition attribute as it stands.
 */
export enum FieldDatatype {
  String = 'string',
  Number = 'number',
  Datetime = 'datetime',
  Text = 'text',
  SingleValueList = 'singlevaluelist',
  MultiValueList = 'multivaluelist',
}
