/** Queue names are part of the data in Redis: never rename one. */
export enum QueueName {
  Intake = 'intake',
  Routing = 'routing',
  Sla = 'sla',
  Notify = 'notify',
  Reports = 'reports',
  Classifier = 'classifier',
}
