import { Column, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

/** An outside institution a ticket can be referred to (water utility, electricity, metropolitan). */
@Entity('institutions')
export class Institution {
  @TimeOrderedPrimaryKey()
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  website: string | null;
}
