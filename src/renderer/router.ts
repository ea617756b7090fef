import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { SECTIONS } from './messages'
import OverviewView from './views/OverviewView.vue'
import UnitsView from './views/UnitsView.vue'
import PeopleView from './views/PeopleView.vue'
import DataView from './views/DataView.vue'
import NotBuiltView from './views/NotBuiltView.vue'

const BUILT = { overview: OverviewView, units: UnitsView, people: PeopleView, data: DataView }

export const routes: RouteRecordRaw[] = [
  ...SECTIONS.map((s) => ({
    path: s.path,
    name: s.name,
    component: BUILT[s.name as keyof typeof BUILT] ?? NotBuiltView,
    meta: { section: s }
  })),
  { path: '/:rest(.*)*', redirect: '/' }
]

/** Hash history because the page is loaded from a file; tests pass a memory history. */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({ history, routes })
}
