export { DomainError, type Bilingual, type FieldProblem } from './domain-error';
export * from './errors';
export { createErrorMiddleware, pickLanguage, type ErrorLogger } from './create-error-middleware';
export { mapWorkflowFailure } from './map-workflow-failure';
