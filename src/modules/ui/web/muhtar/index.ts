export { MuhtarActivityView } from './muhtar-activity';
export { MuhtarCalendar } from './muhtar-calendar';
export { MuhtarDashboard, MuhtarDrillDown } from './muhtar-dashboard';
