// Browser-safe and DOM-free.

/** The languages the widgets speak (the same two as the forms); Vietnamese unless told otherwise. */
export type WidgetLang = 'vi' | 'en';
