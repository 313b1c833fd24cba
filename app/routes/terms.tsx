import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { legalPageLoader, LegalPageView } from './privacy'

export const meta: MetaFunction = () => [{ title: 'Terms of use · Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  return legalPageLoader('terms', request, context)
}

export default LegalPageView
