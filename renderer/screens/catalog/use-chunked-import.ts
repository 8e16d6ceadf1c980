import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { api } from '../../api/api-client';
import { invalidateMethods } from '../../api/use-api';
import { chunkCsv } from './csv-chunks';

/** The most data rows the core takes in one call. */
const rowsPerCall = 2_000;

export type ImportReportData = OutputOf<'catalog.importCsv'>;
/** Rows firstRow..lastRow of total, counted over the file's data rows from 1. */
export type ImportPart = { firstRow: number; lastRow: number; total: number };
/** The part the core refused, why, and how many rows the parts before it imported. */
export type ImportStopped = ImportPart & { error: unknown; imported: number };

function combine(sofar: ImportReportData | null, next: ImportReportData): ImportReportData {
  if (!sofar) return next;
  return {
    created: sofar.created + next.created,
    updated: sofar.updated + next.updated,
    failed: sofar.failed + next.failed,
    rows: sofar.rows.concat(next.rows),
  };
}

/**
 * Imports a CSV file in parts the core accepts, one after another. Each part is its own transaction,
 * so when one is refused the import stops there and the parts before it stay imported. `into`:
 * this till's catalog, or (the owner signed in to the platform) the brand's.
 */
export function useChunkedImport(into: 'catalog.importCsv' | 'franchise.importCsv' = 'catalog.importCsv') {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<ImportPart | null>(null);
  const [report, setReport] = useState<ImportReportData | null>(null);
  const [stopped, setStopped] = useState<ImportStopped | null>(null);

  const reset = useCallback(() => {
    setReport(null);
    setStopped(null);
  }, []);

  const start = useCallback(
    async (text: string) => {
      reset();
      const chunks = chunkCsv(text, rowsPerCall);
      const total = chunks.at(-1)?.lastRow ?? 0;
      // Without data rows the file goes as it is, so the core says what is wrong with it.
      const parts = chunks.length > 0 ? chunks : [{ csv: text, lineOffset: 0, firstRow: 0, lastRow: 0 }];
      let sofar: ImportReportData | null = null;
      for (const part of parts) {
        const where = { firstRow: part.firstRow, lastRow: part.lastRow, total };
        setRunning(where);
        try {
          sofar = combine(sofar, await api.call(into, { csv: part.csv, lineOffset: part.lineOffset }));
          setReport(sofar);
        } catch (error) {
          setStopped({ ...where, error, imported: sofar ? sofar.created + sofar.updated : 0 });
          break;
        }
      }
      setRunning(null);
      void invalidateMethods(queryClient, ['catalog.', 'franchise.']);
    },
    [queryClient, reset, into],
  );

  return { running, report, stopped, start, reset };
}
