export interface StepOutcome {
  code: string;
  label: string;
  next?: string | null;
  end?: string | null;
}

export interface StepDefinition {
  key: string;
  name: string;
  departmentId?: string | null;
  role?: string | null;
  actor?: string | null;
  referenceDocument?: string | null;
  duration: { min?: number; max: number; unit: string };
  next?: string | null;
  outcomes?: StepOutcome[] | null;
}

export interface Template {
  id: string;
  code: string;
  name: string;
  description: string | null;
  ownerDepartmentId: string;
  targetOnTimeRatio: number;
  warningRatio?: number;
  version?: number;
  active: boolean;
  steps: StepDefinition[];
}

export interface StepRun {
  id: string;
  seq: number;
  key: string;
  name: string;
  departmentId: string;
  assigneeId: string | null;
  minAmount: number;
  maxAmount: number;
  unit: string;
  openedAt: string;
  dueAt: string;
  completedAt: string | null;
  outcome: string | null;
  document: string | null;
  note: string | null;
  late: boolean;
}

export interface ProcessEvent {
  seq: string;
  stepId: string | null;
  type: string;
  body: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export interface Instance {
  id: string;
  templateId: string;
  title: string;
  status: string;
  ownerDepartmentId: string;
  startedAt: string;
  endedAt: string | null;
  definition: StepDefinition[];
  steps: StepRun[];
  timeline: ProcessEvent[];
}

export interface InstanceRow {
  id: string;
  templateId: string;
  title: string;
  status: string;
  startedAt: string;
  currentStep?: { key: string; name: string; dueAt: string } | null;
}

export interface Department {
  id: string;
  name: string;
}
