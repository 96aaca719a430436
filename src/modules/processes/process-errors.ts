import { DomainException, ErrorDetail, ErrorKind } from '@app/common';

export enum ProcessErrorCode {
  TemplateNotFound = 'PROCESS_TEMPLATE_NOT_FOUND',
  TemplateCodeTaken = 'PROCESS_TEMPLATE_CODE_TAKEN',
  NotFound = 'PROCESS_NOT_FOUND',
  StepNotOpen = 'PROCESS_STEP_NOT_OPEN',
  AppointmentNotFound = 'APPOINTMENT_NOT_FOUND',
  SlotNotFound = 'APPOINTMENT_SLOT_NOT_FOUND',
  SlotTaken = 'APPOINTMENT_SLOT_TAKEN',
  SlotExists = 'APPOINTMENT_SLOT_EXISTS',
  AppointmentState = 'APPOINTMENT_INVALID_TRANSITION',
}

const KIND: Record<ProcessErrorCode, ErrorKind> = {
  [ProcessErrorCode.TemplateNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.TemplateCodeTaken]: ErrorKind.Conflict,
  [ProcessErrorCode.NotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.StepNotOpen]: ErrorKind.Conflict,
  [ProcessErrorCode.AppointmentNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.SlotNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.SlotTaken]: ErrorKind.Conflict,
  [ProcessErrorCode.SlotExists]: ErrorKind.Conflict,
  [ProcessErrorCode.AppointmentState]: ErrorKind.Conflict,
};

export class ProcessException extends DomainException {
  constructor(code: ProcessErrorCode, message: string, details?: ErrorDetail[]) {
    super(code, KIND[code], message, details);
  }
}

export const processNotFound = () => new ProcessException(ProcessErrorCode.NotFound, 'Süreç bulunamadı');
export const templateNotFound = () => new ProcessException(ProcessErrorCode.TemplateNotFound, 'Süreç şablonu bulunamadı');
export const appointmentNotFound = () => new ProcessException(ProcessErrorCode.AppointmentNotFound, 'Randevu talebi bulunamadı');

/** A Postgres unique violation: the index, not a read-then-write check, decides races. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
