import { themeQuartz } from 'ag-grid-community'

/**
 * AG Grid in the app's tokens: its colours are CSS variables, so the grid follows the theme
 * switch with no second theme object.
 */
export const bookGridTheme = themeQuartz.withParams({
  backgroundColor: 'var(--panel)',
  foregroundColor: 'var(--fg)',
  textColor: 'var(--fg)',
  headerBackgroundColor: 'var(--panel-raised)',
  headerTextColor: 'var(--muted)',
  borderColor: 'var(--border)',
  rowBorder: { color: 'var(--border)' },
  rowHoverColor: 'var(--selection)',
  selectedRowBackgroundColor: 'var(--selection)',
  accentColor: 'var(--accent)',
  chromeBackgroundColor: 'var(--panel-raised)',
  inputBackgroundColor: 'var(--bg)',
  inputBorder: { color: 'var(--border-strong)' },
  menuBackgroundColor: 'var(--panel-raised)',
  fontFamily: 'var(--font)',
  fontSize: 12.5,
  headerFontSize: 12,
  headerFontWeight: 500,
  rowHeight: 28,
  headerHeight: 32,
  spacing: 5,
  wrapperBorderRadius: 0,
  wrapperBorder: false,
  browserColorScheme: 'inherit'
})
