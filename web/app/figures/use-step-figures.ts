import { useEffect, useState } from 'react';
import type { CampaignFiguresResponse } from '../../../api-contract';
import type { StepFigures } from '../../../domain/process/process-definition';
import { useAppServices } from '../app-services';
import { figuresQuery } from './prefill-figures';

/** The figures of a result report step being filled at `unitCode`: computing, computed, or why not. */
export type StepFiguresState =
  | { status: 'none' }
  | { status: 'computing' }
  | { status: 'computed'; figures: CampaignFiguresResponse }
  | { status: 'failed'; message: string };

/**
 * Computes, from the records, the figures a report step (one with `figures`) is filled with at the unit it is filled
 * at; again when the unit changes. Nothing for a step without figures.
 */
export function useStepFigures(period: StepFigures | undefined, unitCode: string | undefined): StepFiguresState {
  const { api, text } = useAppServices();
  const [state, setState] = useState<StepFiguresState>({ status: 'none' });
  useEffect(() => {
    if (!period || !unitCode) return setState({ status: 'none' });
    let live = true;
    setState({ status: 'computing' });
    void api.get<CampaignFiguresResponse>(figuresQuery(unitCode, period)).then((r) => {
      if (!live) return;
      if (r.ok) setState({ status: 'computed', figures: r.value });
      else setState({ status: 'failed', message: r.status === 'network' ? text.networkError : r.message });
    });
    return () => {
      live = false;
    };
  }, [api, text, period, unitCode]);
  return state;
}
