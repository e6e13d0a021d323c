import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('RequestValue', { description: "One value of a service request's form, in the form's order." })
export class RequestValueModel {
  @Field()
  name!: string;

  @Field({ description: "The field's label (its name when the field has since been removed from the form)." })
  label!: string;

  @Field({ description: 'As validated: trimmed text, a date YYYY-MM-DD, a number as digits.' })
  value!: string;
}
