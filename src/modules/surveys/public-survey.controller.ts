import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/domain';
import { SurveyAnswerDto } from './dto/survey-answer.dto';
import { SurveyLinks, SurveyLinkView } from './survey-links.service';

/** The JSON behind the /anket page: what the survey is about, and the citizen's answer. */
@ApiTags('public')
@Public()
@Controller('public/surveys')
export class PublicSurveyController {
  constructor(private readonly links: SurveyLinks) {}

  @Get(':token')
  show(@Param('token') token: string): Promise<SurveyLinkView> {
    return this.links.show(token);
  }

  @Post(':token')
  @HttpCode(200)
  answer(@Param('token') token: string, @Body() dto: SurveyAnswerDto): Promise<SurveyLinkView> {
    return this.links.answer(token, dto);
  }
}
