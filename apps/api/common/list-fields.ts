import { applyDecorators } from '@nestjs/common';
import { Field, type FieldOptions } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';

// Composed decorators for the list fields of input types.
//
// applyDecorators runs its decorators first to last, while a written stack runs bottom to top; they are listed here
// bottom first so that class-validator records its constraints, and so reports them, in the same order as the
// stacks these replace (@Field, @IsArray, @ArrayMaxSize, @IsString/@IsIn each, @MaxLength each).

interface ListFieldOptions {
  description?: string;
  /** true: no default, so the field must be given; otherwise it defaults to []. */
  required?: boolean;
}

function listFieldOptions({ description, required }: ListFieldOptions): FieldOptions {
  return {
    ...(required ? {} : { defaultValue: [] }),
    ...(description === undefined ? {} : { description }),
  };
}

/** `[String!]!` (default []): at most `max` strings, each at most `maxLength` characters. */
export function StringListField(options: ListFieldOptions & { max: number; maxLength: number }): PropertyDecorator {
  return applyDecorators(
    MaxLength(options.maxLength, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(options.max),
    IsArray(),
    Field(() => [String], listFieldOptions(options)),
  );
}

/** `[Enum!]!` (default []): values of `values`, at most as many as there are. */
export function EnumListField(enumRef: object, values: readonly string[], options: ListFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsIn(values as string[], { each: true }),
    ArrayMaxSize(values.length),
    IsArray(),
    Field(() => [enumRef], listFieldOptions(options)),
  );
}
