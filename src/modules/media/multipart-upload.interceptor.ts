import { CallHandler, createParamDecorator, ExecutionContext, Injectable, mixin, NestInterceptor, Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { AppConfig } from '@app/config';
import { MediaStore } from './media.store';
import { MultipartLimits, readMultipart, UploadedFile, UploadProblemError } from './multipart-form';
import { uploadRefusal } from './upload-refusal';

/** The file field of an upload, what its files are called ("fotoğraf"), and the request's limits. */
export interface UploadRules {
  field: string;
  noun: string;
  limits: MultipartLimits;
}

type UploadRequest = FastifyRequest & { uploads?: UploadedFile[] };

/**
 * Reads a multipart/form-data request before the body is validated: its text fields become the
 * body, its files the handler's `@Uploads()`. A JSON body passes untouched. Refusals are Turkish
 * 4xx naming the field (a file too large is MediaStore's 413).
 */
export function MultipartUpload(rulesOf: (config: AppConfig) => UploadRules): Type<NestInterceptor> {
  @Injectable()
  class MultipartUploadInterceptor implements NestInterceptor {
    private readonly rules: UploadRules;

    constructor(
      config: AppConfig,
      private readonly media: MediaStore,
    ) {
      this.rules = rulesOf(config);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<UploadRequest>();
      if (request.isMultipart()) {
        const { field, noun, limits } = this.rules;
        try {
          const form = await readMultipart(request, field, limits);
          request.body = form.fields;
          request.uploads = form.files;
        } catch (error) {
          if (!(error instanceof UploadProblemError)) throw error;
          throw uploadRefusal(error.problem, { field, noun, max: limits.files }, (name) => this.media.tooLarge(name));
        }
      }
      return next.handle();
    }
  }
  return mixin(MultipartUploadInterceptor);
}

/** The files `MultipartUpload` read (none for a JSON body). */
export const Uploads = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedFile[] => context.switchToHttp().getRequest<UploadRequest>().uploads ?? [],
);
