import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Secrets the server makes for itself (e.g. the cursor signing secret), shared by every instance. */
@Entity('server_secrets')
export class ServerSecret {
  @PrimaryColumn('text')
  name!: string;

  @Column('text')
  value!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
