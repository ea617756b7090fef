import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import App from '@renderer/App.vue'
import { createAppRouter } from '@renderer/router'
import { createFakeApi } from '../fake-api'
import { $$, byTestId, installApi, mountView } from '../helpers'

async function mountApp(path: string) {
  installApi(
    createFakeApi(
      { units: [], people: [], backups: [] },
      {
        'app:getYear': () => ({ year: 2026 }),
        'reports:getPeriods': () => ({
          h1: { from: '01-01', to: '05-31', due: '06-05' },
          year: { from: '01-01', to: '11-30', due: '12-05' }
        })
      }
    ).api
  )
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mountView(App, { plugins: [router] })
  await router.isReady()
  await flushPromises()
  return { wrapper, router }
}

describe('app shell', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('names all eleven sections in the navigation, in order', async () => {
    const { wrapper } = await mountApp('/')
    const items = $$('[data-testid^="nav-"]')
    expect(items.map((i) => i.textContent?.trim())).toEqual([
      'Tổng quan',
      'Tổ chức đảng',
      'Đảng viên & cán bộ',
      'Chuyên đề & học tập',
      'Cam kết',
      'Đánh giá xếp loại',
      'Thi đua & điển hình',
      'Tuyên truyền',
      'Kiểm tra giám sát',
      'Báo cáo',
      'Dữ liệu & sao lưu'
    ])
    expect(items.map((i) => i.dataset.testid)).toContain('nav-people')
    wrapper.unmount()
  })

  it('moves between sections from the navigation', async () => {
    const { wrapper, router } = await mountApp('/')
    expect(byTestId('reports-no-units')).toBeNull()
    byTestId('nav-reports')!.click()
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('reports')
    expect($$('.page-title').map((h) => h.textContent)).toEqual(['Báo cáo'])
    // With no units yet, the page says where to start.
    expect(byTestId('reports-no-units')?.textContent).toContain('Tổ chức đảng')
    wrapper.unmount()
  })
})
