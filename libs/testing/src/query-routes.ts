import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/** A GET route whose whole query is read into a DTO, with the DTO's fields. */
export interface QueryRoute {
  path: string;
  optional: string[];
  required: string[];
}

type Handler = (...args: unknown[]) => unknown;
/** A class, as class-validator keys its rules. */
type Dto = abstract new (...args: never[]) => unknown;

/** Every field of a validated class (with its parents'), and whether it is optional. */
export function validatedFields(dto: Dto): { optional: string[]; required: string[] } {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(rules.map((rule) => rule.propertyName))];
  const optional = names.filter((name) => rules.some((r) => r.propertyName === name && r.type === ValidationTypes.CONDITIONAL_VALIDATION));
  return { optional, required: names.filter((name) => !optional.includes(name)) };
}

/** Every validated class the running app knows of. */
export function validatedClasses(): Dto[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Dto, unknown[]> };
  return [...storage.validationMetadatas.keys()];
}

/**
 * The app's GET routes that take their query as a DTO, read from the controllers Nest registered
 * (the OpenAPI document lists a query's fields only when the swagger compiler plugin ran).
 */
export function queryRoutes(app: INestApplication, prefix = '/api/v1'): QueryRoute[] {
  const routes: QueryRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
      const proto = (metatype as { prototype: Record<string, Handler> }).prototype;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const query = Object.entries(args).find(([key, arg]) => key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined);
        if (!query) continue;
        const dto = (Reflect.getMetadata('design:paramtypes', proto, name) as Dto[])[query[1].index];
        const path = [prefix, base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].join('/').replace(/\/+/g, '/').replace(/\/$/, '');
        routes.push({ path, ...validatedFields(dto) });
      }
    }
  }
  return routes;
}
