export { CallCentreFigures } from './figures';
export { WallboardView } from './wallboard';
