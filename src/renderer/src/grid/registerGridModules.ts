import {
  CellStyleModule,
  ColumnApiModule,
  EventApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule
} from 'ag-grid-community'

/** The grid features the book uses, and no more: AG Grid bundles what is registered. */
export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    InfiniteRowModelModule,
    TextFilterModule,
    NumberFilterModule,
    TextEditorModule,
    SelectEditorModule,
    RowSelectionModule,
    TooltipModule,
    CellStyleModule,
    ColumnApiModule,
    RowApiModule,
    ScrollApiModule,
    RenderApiModule,
    EventApiModule
  ])
}
