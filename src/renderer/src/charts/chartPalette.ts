/** The theme's colours for charts, read from the CSS tokens so charts follow the theme. */
export interface ChartPalette {
  text: string
  muted: string
  faint: string
  grid: string
  border: string
  panel: string
  long: string
  short: string
  accent: string
  warn: string
  danger: string
  priceLine: string
  finalLine: string
  runaway: string
  font: string
}

const TOKENS: Record<keyof ChartPalette, string> = {
  text: '--fg',
  muted: '--muted',
  faint: '--faint',
  grid: '--chart-grid',
  border: '--border',
  panel: '--panel',
  long: '--long',
  short: '--short',
  accent: '--accent',
  warn: '--warn',
  danger: '--danger',
  priceLine: '--price-line',
  finalLine: '--final-line',
  runaway: '--runaway',
  font: '--font'
}

export function readPalette(element: Element = document.documentElement): ChartPalette {
  const style = getComputedStyle(element)
  return Object.fromEntries(
    Object.entries(TOKENS).map(([key, token]) => [key, style.getPropertyValue(token).trim()])
  ) as unknown as ChartPalette
}

/** Common axis styling, so every chart reads as one family. */
export function axisStyle(palette: ChartPalette) {
  return {
    axisLine: { lineStyle: { color: palette.border } },
    axisTick: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.muted, fontSize: 11, fontFamily: palette.font },
    splitLine: { lineStyle: { color: palette.grid } },
    nameTextStyle: { color: palette.muted, fontSize: 11, fontFamily: palette.font }
  }
}

export function tooltipStyle(palette: ChartPalette) {
  return {
    backgroundColor: palette.panel,
    borderColor: palette.border,
    textStyle: { color: palette.text, fontSize: 12, fontFamily: palette.font },
    extraCssText: 'box-shadow: var(--shadow); border-radius: 6px;'
  }
}
