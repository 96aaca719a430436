// CSS imported from TS is bundled into app.css by esbuild.
declare module '*.css';
