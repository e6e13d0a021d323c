import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { ServiceRequestItemEntity } from '../../../libs/db/entities/service-request-item.entity.js';
import { ServiceEntity } from '../../../libs/db/entities/service.entity.js';

/** One request's catalog lookups: the services and items of a page of tickets, each kind in one SQL query. */
export interface CatalogLoaders {
  services: DataLoader<string, ServiceEntity | null>;
  items: DataLoader<string, ServiceRequestItemEntity | null>;
  /** A service's items by position. */
  itemsOfService: DataLoader<string, ServiceRequestItemEntity[]>;
}

/** Hands out the loaders of the request a GraphQL context belongs to (dropped with the context, as TicketLoadersOfRequest's). */
@Injectable()
export class CatalogLoadersOfRequest {
  private readonly byContext = new WeakMap<object, CatalogLoaders>();

  constructor(private readonly dataSource: DataSource) {}

  of(context: object): CatalogLoaders {
    let loaders = this.byContext.get(context);
    if (!loaders) {
      loaders = this.create();
      this.byContext.set(context, loaders);
    }
    return loaders;
  }

  private create(): CatalogLoaders {
    const services = this.dataSource.getRepository(ServiceEntity);
    const items = this.dataSource.getRepository(ServiceRequestItemEntity);
    return {
      services: new DataLoader(async (ids) => {
        const rows = await services.findBy({ id: In([...ids]) });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }),
      items: new DataLoader(async (ids) => {
        const rows = await items.findBy({ id: In([...ids]) });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      }),
      itemsOfService: new DataLoader(async (serviceIds) => {
        const rows = await items.find({ where: { serviceId: In([...serviceIds]) }, order: { position: 'ASC', name: 'ASC', id: 'ASC' } });
        return serviceIds.map((serviceId) => rows.filter((row) => row.serviceId === serviceId));
      }),
    };
  }
}
