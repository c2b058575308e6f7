// The workflow bundle's entry point: every export here is registered as a workflow type.
export { dossierWorkflow } from './dossier-workflow';
