import { OPEN_STATUSES, TicketStatus } from '@app/domain';
import { TicketList } from './ticket-list';

const OPEN = OPEN_STATUSES.join(',');

/** The call centre's queue: new, triage, unassigned and overdue tickets. */
export function Queue() {
  return (
    <TicketList
      title="Başvuru kuyruğu"
      home="#/kuyruk"
      tabs={[
        { id: 'new', label: 'Yeni', query: { status: TicketStatus.New } },
        { id: 'triage', label: 'Ön değerlendirme', query: { triage: true, status: OPEN } },
        { id: 'unassigned', label: 'Atanmamış', query: { unassigned: true, status: OPEN } },
        { id: 'overdue', label: 'Gecikmiş', query: { overdue: true, sort: 'resolutionDueAt' } },
      ]}
      filters={['channel', 'kind', 'categoryId', 'mahalleId', 'departmentId']}
    />
  );
}
