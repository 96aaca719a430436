import { Role } from '@app/domain';
import { registerRoute } from './router';
import { CALL_CENTRE_ROLES, DEPARTMENT_STAFF_ROLES, MANAGER_ROLES } from './session';
import { AdminView } from './views/admin/admin-view';
import { Inbox } from './views/inbox';
import { ManagerView } from './views/manager/manager-view';
import { NewTicket } from './views/new-ticket';
import { Queue } from './views/queue';
import { TicketView } from './views/ticket/ticket-view';
import { AllTickets, CannedAnswersAdmin, KnowledgeBase } from './desk';
import { IncidentList, IncidentView, registerIncidents } from './incidents';
import { registerDesk } from './desk/register';
import { AuditLogView, ExportsView, OutboxView, registerBackOffice } from './backoffice';
import { OzelKalem } from './views/ozel-kalem/ozel-kalem';
import { ProcessList } from './views/processes/process-list';
import { ProcessView } from './views/processes/process-view';
import { TemplateEditor } from './views/processes/template-editor';
import { CallCentreFigures, WallboardView } from './call-centre';
import { MuhtarActivityView, MuhtarCalendar, MuhtarDashboard, MuhtarDrillDown } from './muhtar';

/**
 * Every screen of /app, one line each: the hash pattern, the component, who may open it and its
 * menu entry (menu order 10, 20, …). The first matching pattern wins. `#/giris` is the login.
 */
registerRoute('/kuyruk', Queue, { roles: CALL_CENTRE_ROLES, nav: { label: 'Kuyruk', order: 10 } });
registerRoute('/yeni', NewTicket, { roles: [...CALL_CENTRE_ROLES, ...DEPARTMENT_STAFF_ROLES], nav: { label: 'Yeni başvuru', order: 20 } });
registerRoute('/gelen-kutusu', Inbox, { roles: DEPARTMENT_STAFF_ROLES, nav: { label: 'Gelen kutusu', order: 30 } });
registerRoute('/yonetici', ManagerView, { roles: MANAGER_ROLES, nav: { label: 'Özet', order: 40 } });
registerRoute('/yonetim/:section?', AdminView, { roles: [Role.Admin], nav: { label: 'Yönetim', order: 50 } });
registerRoute('/basvuru/:id', TicketView);
registerRoute('/basvurular/:query?', AllTickets, {
  roles: [...CALL_CENTRE_ROLES, ...DEPARTMENT_STAFF_ROLES, Role.Executive],
  nav: { label: 'Tüm başvurular', order: 15 },
});
registerRoute('/hazir-yanitlar', CannedAnswersAdmin, {
  roles: [Role.Supervisor, Role.DepartmentManager, Role.Admin],
  nav: { label: 'Hazır yanıtlar', order: 45 },
});
registerRoute('/bilgi-bankasi', KnowledgeBase, {
  roles: [...CALL_CENTRE_ROLES, ...DEPARTMENT_STAFF_ROLES, Role.Executive, Role.Admin],
  nav: { label: 'Bilgi bankası', order: 46 },
});
registerRoute('/olaylar', IncidentList, { roles: [...CALL_CENTRE_ROLES, ...DEPARTMENT_STAFF_ROLES, Role.Executive], nav: { label: 'Olaylar', order: 44 } });
registerRoute('/olay/:id', IncidentView, { roles: [...CALL_CENTRE_ROLES, ...DEPARTMENT_STAFF_ROLES, Role.Executive] });
registerRoute('/giden-mesajlar', OutboxView, { roles: [Role.Admin, Role.Supervisor], nav: { label: 'Giden mesajlar', order: 52 } });
registerRoute('/disa-aktarimlar', ExportsView, {
  roles: [Role.Supervisor, Role.DepartmentManager, Role.Executive, Role.Admin],
  nav: { label: 'Dışa aktarımlar', order: 47 },
});
registerRoute('/denetim-kaydi', AuditLogView, { roles: [Role.Admin], nav: { label: 'Denetim kaydı', order: 55 } });
registerRoute('/ozel-kalem/:day?/:view?', OzelKalem, {
  roles: [...DEPARTMENT_STAFF_ROLES, Role.Executive, Role.Admin],
  nav: { label: 'Özel Kalem', order: 60 },
});
registerRoute('/surecler', ProcessList, { roles: [...MANAGER_ROLES, Role.DepartmentStaff], nav: { label: 'Süreçler', order: 65 } });
registerRoute('/surec/:id', ProcessView, { roles: [Role.Supervisor, Role.Executive, ...DEPARTMENT_STAFF_ROLES] });
registerRoute('/surec-sablonu/:id?', TemplateEditor, { roles: [Role.Admin] });
const MUHTAR_ROLES = [Role.Supervisor, Role.DepartmentManager, Role.Executive];
registerRoute('/muhtar/etkinlik/:id', MuhtarActivityView, { roles: MUHTAR_ROLES });
registerRoute('/muhtar/gostergeler/:code/:from/:to', MuhtarDrillDown, { roles: MUHTAR_ROLES });
registerRoute('/muhtar/gostergeler/:from/:to', MuhtarDashboard, { roles: MUHTAR_ROLES });
registerRoute('/muhtar/gostergeler', MuhtarDashboard, { roles: MUHTAR_ROLES, nav: { label: 'Muhtar göstergeleri', order: 43 } });
registerRoute('/muhtar', MuhtarCalendar, { roles: MUHTAR_ROLES, nav: { label: 'Muhtar takvimi', order: 42 } });
const CALL_CENTRE_FIGURE_ROLES = [Role.Supervisor, Role.DepartmentManager, Role.Executive, Role.Admin];
registerRoute('/pano', WallboardView, { roles: CALL_CENTRE_FIGURE_ROLES, nav: { label: 'Çağrı panosu', order: 12 } });
registerRoute('/cagri-rakamlari', CallCentreFigures, { roles: [Role.Agent, ...CALL_CENTRE_FIGURE_ROLES], nav: { label: 'Çağrı rakamları', order: 44 } });
registerDesk();
registerIncidents();
registerBackOffice();
