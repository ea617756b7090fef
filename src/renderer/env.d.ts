// Types for Element Plus components registered globally by app.use(ElementPlus).
/// <reference types="element-plus/global" />
