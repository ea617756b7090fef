import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { showError } from './notify'
import { createAppRouter } from './router'
import { uiLocale } from './locale'
import { busyPlugin } from './busy'

const app = createApp(App)
// A bug in a view should tell the user something went wrong, not leave a button silently dead.
app.config.errorHandler = (err, _instance, info) => {
  console.error(`[vue] ${info}`, err)
  showError(err)
}
app
  .use(createPinia())
  .use(createAppRouter())
  .use(ElementPlus, { locale: uiLocale })
  .use(busyPlugin)
  .mount('#app')
