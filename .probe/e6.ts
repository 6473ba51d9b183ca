import { ReportStore } from '../shared/store/report-store';
import { createCycleCatalog } from '../shared/store/cycle-store';
export const handler = () => [ReportStore, createCycleCatalog];
