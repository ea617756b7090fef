import type { Component } from 'vue'
import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type RouterHistory
} from 'vue-router'
import { SECTIONS } from './messages'
import OverviewView from './views/OverviewView.vue'
import UnitsView from './views/UnitsView.vue'
import PeopleView from './views/PeopleView.vue'
import DataView from './views/DataView.vue'
import StudyView from './views/StudyView.vue'
import CommitmentsView from './views/CommitmentsView.vue'
import EvaluationView from './views/EvaluationView.vue'
import ImportView from './views/ImportView.vue'
import PropagandaView from './views/PropagandaView.vue'
import InspectionsView from './views/InspectionsView.vue'
import ExemplarsView from './views/ExemplarsView.vue'
import ReportsView from './views/ReportsView.vue'

const VIEWS: Record<string, Component> = {
  overview: OverviewView,
  units: UnitsView,
  people: PeopleView,
  data: DataView,
  study: StudyView,
  commitments: CommitmentsView,
  evaluation: EvaluationView,
  propaganda: PropagandaView,
  inspection: InspectionsView,
  emulation: ExemplarsView,
  reports: ReportsView
}

/** Every section of the navigation has its screen: a missing one stops the app at start. */
function viewOf(name: string): Component {
  const view = VIEWS[name]
  if (!view) throw new Error(`No screen for the section "${name}"`)
  return view
}

const routes: RouteRecordRaw[] = [
  ...SECTIONS.map((s) => ({
    path: s.path,
    name: s.name,
    component: viewOf(s.name),
    meta: { section: s }
  })),
  // Not a section of its own: reached from "Đảng viên & cán bộ" and "Dữ liệu & sao lưu".
  { path: '/import', name: 'import', component: ImportView },
  { path: '/:rest(.*)*', redirect: '/' }
]

/** Hash history because the page is loaded from a file; tests pass a memory history. */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({ history, routes })
}
