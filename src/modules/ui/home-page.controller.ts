import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/domain';

// A first visit to the bare address finds its way: staff to their screens, citizens to the form.
const PAGE = `<!doctype html>
<html lang="tr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Çözüm Masası</title></head>
<body>
  <main>
    <h1>Çözüm Masası</h1>
    <ul>
      <li><a href="/basvuru">Başvuru yap</a> — şikâyet, talep, öneri veya bilgi edinme</li>
      <li><a href="/basvuru/durum">Başvurumun durumu</a></li>
      <li><a href="/basvuru/seffaflik">Başvurular haritası ve istatistikler</a></li>
      <li><a href="/app">Personel girişi</a></li>
    </ul>
  </main>
</body>
</html>`;

/** `/`: the way to the citizens' form and the staff screens. */
@ApiExcludeController()
@Public()
@Controller()
export class HomePageController {
  @Get()
  home(@Res() res: FastifyReply): void {
    res.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    res.header('Cache-Control', 'no-cache');
    void res.type('text/html; charset=utf-8').send(PAGE);
  }
}
