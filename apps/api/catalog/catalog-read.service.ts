import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceRequestItemEntity } from '../../../libs/db/entities/service-request-item.entity.js';
import { ServiceEntity } from '../../../libs/db/entities/service.entity.js';
import type { FormField } from '../../../libs/domain/catalog/catalog-item.js';
import type { PortalServiceModel } from './models/portal-service.model.js';
import type { FormFieldModel, ServiceModel, ServiceRequestItemModel } from './models/service.model.js';

/** The catalog as staff and customers read it: services by name, each with its items by position. */
@Injectable()
export class CatalogReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** `withInactive` (admins): also the services and items that take no requests. */
  async staffCatalog(withInactive: boolean): Promise<ServiceModel[]> {
    const { services, itemsOf } = await this.read(withInactive ? {} : { active: true });
    return services.map((service) => ({ ...service, items: itemsOf(service.id).map(toItemModel) }));
  }

  /** One service with all its items, as an admin reads it after a write. */
  async service(id: string): Promise<ServiceModel> {
    const service = await this.dataSource.getRepository(ServiceEntity).findOneByOrFail({ id });
    const items = await this.dataSource.getRepository(ServiceRequestItemEntity).find({ where: { serviceId: id }, order: { position: 'ASC', name: 'ASC', id: 'ASC' } });
    return { ...service, items: items.map(toItemModel) };
  }

  /** Only what customers may request: active, customer-visible services and items; a service with none of them is left out. */
  async portalCatalog(): Promise<PortalServiceModel[]> {
    const { services, itemsOf } = await this.read({ active: true, customerVisible: true });
    return services
      .map((service) => ({
        id: service.id,
        name: service.name,
        description: service.description,
        items: itemsOf(service.id).map((item) => ({ id: item.id, name: item.name, description: item.description, formFields: item.formFields.map(toFormFieldModel) })),
      }))
      .filter((service) => service.items.length > 0);
  }

  private async read(where: { active?: true; customerVisible?: true }) {
    const [services, items] = await Promise.all([
      this.dataSource.getRepository(ServiceEntity).find({ where, order: { name: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(ServiceRequestItemEntity).find({ where, order: { position: 'ASC', name: 'ASC', id: 'ASC' } }),
    ]);
    return { services, itemsOf: (serviceId: string) => items.filter((item) => item.serviceId === serviceId) };
  }
}

export function toItemModel(item: ServiceRequestItemEntity): ServiceRequestItemModel {
  return { ...item, formFields: item.formFields.map(toFormFieldModel) };
}

function toFormFieldModel(field: FormField): FormFieldModel {
  return { ...field, choices: field.choices ?? [] };
}
