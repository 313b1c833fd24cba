/** Forms that create something (issue 18): the refusal of the same form sent twice (decision 049). */
export const formsEn = {
  'error.FORM_RESENT':
    'This form was already sent, so nothing was saved a second time. Your first submission was kept.',
} as const
