export { SurveyAnswers } from './survey-answers.service';
export { SurveyInvitations } from './survey-invitations.service';
export { SurveysModule } from './surveys.module';
