import { Injectable } from '@nestjs/common';
import { ResourceNotFoundException } from '@app/common';
import { AppConfig } from '@app/config';
import { FieldDatatype } from '@app/domain';
import { CategoriesService, Category, orderedFields } from '../../categories';
import { DepartmentsService } from '../../departments';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
// When this endpoint's behaviour last changed, as discovery's changeset asks.
const CHANGESET = '2026-12-06T00:00:00+03:00';
const LISTS = new Set([FieldDatatype.SingleValueList, FieldDatatype.MultiValueList]);

/** Discovery, the service list (one service per active category) and the service definitions (its extra fields). */
@Injectable()
export class Open311Services {
  constructor(
    private readonly categories: CategoriesService,
    private readonly departments: DepartmentsService,
    private readonly config: AppConfig,
  ) {}

  discovery() {
    return {
      changeset: CHANGESET,
      contact: 'Çözüm Masası',
      key_service: `${this.config.PUBLIC_URL} üzerinden belediyenin sistem yöneticisinden API anahtarı isteyin`,
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${this.config.PUBLIC_URL}/open311/v2`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    };
  }

  async services() {
    const departments = new Map((await this.departments.list()).map((d) => [d.id, d.name]));
    const active = (await this.categories.list()).filter((c) => c.active);
    return active.map((c) => ({
      service_code: c.serviceCode,
      service_name: c.name,
      description: c.fields.length ? `${c.name}: ${c.fields.map((f) => f.label).join(', ')} sorulur` : c.name,
      metadata: c.fields.length > 0,
      // POST answers a token first (intake files the ticket a moment later): the spec's batch.
      type: 'batch',
      keywords: c.keywords.join(', '),
      group: (c.defaultDepartmentId && departments.get(c.defaultDepartmentId)) || 'Diğer kurumlar',
    }));
  }

  async definition(serviceCode: string) {
    const category = (await this.categories.listActive()).find((c) => c.serviceCode === serviceCode);
    if (!category) throw new ResourceNotFoundException(`${serviceCode.slice(0, 40)} kodlu hizmet`);
    return definitionOf(category);
  }
}

function definitionOf(category: Category) {
  return {
    service_code: category.serviceCode,
    attributes: orderedFields(category.fields).map((f, i) => ({
      variable: true,
      code: f.code,
      datatype: f.datatype,
      required: f.required,
      datatype_description: f.description,
      order: i + 1,
      description: f.label,
      ...(LISTS.has(f.datatype) ? { values: f.options.map((o) => ({ key: o.key, name: o.name })) } : {}),
    })),
  };
}
