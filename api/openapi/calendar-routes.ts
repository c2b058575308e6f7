import { unitCodeParameter, type ApiParameters } from './api-parameter';
import type { ApiRoute } from './api-route';

const calendarYear: ApiParameters = {
  scope: unitCodeParameter('VN for the national calendar, or a province'),
  year: { type: 'integer', minimum: 2000, maximum: 2099, description: 'the year, 2000 to 2099' },
};

/**
 * The routes of working calendars: read, load a year, mark a day, the edits.
 * Part of apiRoutes (api-routes.ts), spread in at this place: the OpenAPI document lists the paths in that order.
 */
export const calendarRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/calendars/:scope/:year',
    params: calendarYear,
    summary:
      'The working calendar in force for a scope (VN or a province) and year: days off, make-up working days, office hours, cut-off, and updatedAt of the copy stored for that scope (null when none), which an edit sends back as expectedUpdatedAt',
    auth: true,
    response: 'CalendarYear',
    errors: [401, 404, 422],
  },
  {
    method: 'put',
    path: '/api/calendars/:scope/:year',
    params: calendarYear,
    summary:
      "Load a year's schedule as published (VN: an admin of any province; a province: its admin; audited): the notice (document, date, issuer), the weekdays off and the make-up weekend days, each with its source. 422 with a field per problem (a date outside the year or listed twice, a day off on a weekend, a make-up day on a weekday); 409 calendar_changed when expectedUpdatedAt is not the stored updatedAt",
    auth: true,
    request: 'CalendarScheduleRequest',
    response: 'CalendarYear',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/calendars/:scope/:year/days',
    params: calendarYear,
    summary:
      "Mark a day as a day off, a working day or default in a province's calendar (admin of that province; audited). 409 calendar_changed when expectedUpdatedAt is not the stored updatedAt, or when a concurrent edit of the year won",
    auth: true,
    request: 'CalendarDayRequest',
    response: 'CalendarYear',
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/calendars/:scope/:year/edits',
    params: calendarYear,
    summary:
      "The audit trail of calendar edits and loads (a province's: its admin; the national year's: an admin of any province)",
    auth: true,
    response: 'CalendarEditList',
    errors: [401, 403, 422],
  },
];
