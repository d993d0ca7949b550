import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { registerGridModules } from './grid/registerGridModules'
import './theme.css'

registerGridModules()
createApp(App).use(createPinia()).mount('#app')
