/** The API client of the tests lives with the scripts, which load the demo through the API too. */
export * from '../../../scripts/lib/api-client';
