import assert from 'node:assert/strict';
import { clustersOf, coarseCluster, fineCluster } from '../../../src/guard/detectors/word-clusters.js';

describe('word clusters', () => {
  const fine = (w: string) => fineCluster(clustersOf(w)!);
  const coarse = (w: string) => coarseCluster(clustersOf(w)!);

  it('puts words of related meaning in the same cluster, so a model generalises past its training words', () => {
    assert.equal(fine('ricin'), fine('cyanide'));
    assert.equal(fine('methamphetamine'), fine('heroin'));
    assert.equal(fine('hacking'), fine('malware'));
    assert.equal(coarse('ricin'), coarse('methamphetamine'));
  });
  it('keeps unrelated words apart', () => {
    assert.notEqual(fine('ricin'), fine('spreadsheet'));
    assert.notEqual(fine('heroin'), fine('calendar'));
  });
  it('has no clusters for unknown tokens, which then add no features', () => {
    assert.equal(clustersOf('zzqxv'), undefined);
    assert.equal(clustersOf(''), undefined);
  });
});
