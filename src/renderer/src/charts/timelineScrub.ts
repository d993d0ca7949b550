import { echarts } from './echarts'
import { TIME_AXES } from './timelineOption'

/**
 * Clicks on the timeline chart's time strips move the scrubber to the step clicked: found from
 * the chart that EChart.vue draws in `host`. Returns the function that stops listening.
 */
export function scrubOnClick(host: HTMLElement, onStep: (step: number) => void): () => void {
  const chart = echarts.getInstanceByDom(host)
  if (!chart) return () => {}
  const zr = chart.getZr()
  const onClick = (event: { offsetX: number; offsetY: number }): void => {
    const pixel = [event.offsetX, event.offsetY]
    const grid = TIME_AXES.find((axis) => chart.containPixel({ gridIndex: axis }, pixel))
    if (grid === undefined) return
    const [step] = chart.convertFromPixel({ gridIndex: grid }, pixel) as number[]
    if (Number.isFinite(step)) onStep(step)
  }
  zr.on('click', onClick)
  return () => zr.off('click', onClick)
}
