import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
// class-transformer keeps @Type() metadata here; without it nested arrays have no item schema.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { queryWholeNumberSchema } from '../request/query-numbers';

const OPTIONS = { refPointerPrefix: '#/components/schemas/', classTransformerMetadataStorage: defaultMetadataStorage, additionalConverters: queryWholeNumberSchema };

/**
 * JSON schemas for every class-validated parameter of every controller and every class nested in
 * one, computed from the same class-validator rules that check the requests. Classes built with
 * mapped types (OmitType, PickType, IntersectionType) have no rules of their own, so each schema is
 * computed from its constructor, inherited rules included.
 */
export function requestSchemas(app: INestApplication): Record<string, object> {
  const schemas: Record<string, object> = {};
  const pending = [...validatedParameterClasses(app)];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (schemas[next.name]) continue;
    schemas[next.name] = targetConstructorToSchema(next, OPTIONS);
    pending.push(...nestedClasses(next));
  }
  return schemas;
}

function validationRulesOf(candidate: Type) {
  return getMetadataStorage().getTargetValidationMetadatas(candidate, '', true, false);
}

/** Classes a property holds through @Type(() => X), e.g. the points of a measurement request. */
function nestedClasses(target: Type): Type[] {
  const properties = new Set(validationRulesOf(target).map((rule) => rule.propertyName));
  return [...properties]
    .map((property) => defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction() as Type | undefined)
    .filter((nested): nested is Type => typeof nested === 'function' && validationRulesOf(nested).length > 0);
}

function validatedParameterClasses(app: INestApplication): Set<Type> {
  const found = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const prototype = (wrapper.metatype as Type | null)?.prototype as object | undefined;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const parameterTypes = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
        for (const candidate of parameterTypes) {
          if (typeof candidate === 'function' && validationRulesOf(candidate as Type).length > 0) found.add(candidate as Type);
        }
      }
    }
  }
  return found;
}
