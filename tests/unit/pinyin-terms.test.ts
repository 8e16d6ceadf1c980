import { describe, expect, it } from 'vitest';
import { pinyinTerms } from '../../electron/core/catalog/pinyin-terms';
import { pinyinMatch } from '../../electron/core/catalog/search-terms';

const tokens = (name: string) => pinyinTerms(name).split(' ');

describe('pinyin terms', () => {
  it('indexes each syllable, and from every character on its full pinyin and its initials joined', () => {
    expect(tokens('原味牛角包')).toEqual(
      expect.arrayContaining(['niu', 'jiao', 'bao', 'niujiaobao', 'jiaobao', 'ywnjb', 'njb', 'jb']),
    );
    expect(tokens('蒙牛纯牛奶 250ml')).toEqual(expect.arrayContaining(['niunai', 'nn', 'cnn', 'chunniunai']));
  });

  it('reads a polyphonic character as its word does, and also its other common reading', () => {
    expect(tokens('银行卡')).toEqual(expect.arrayContaining(['yinhangka', 'yhk', 'yinxingka', 'yxk']));
    expect(tokens('行李箱')[0]).toBe('xing');
    expect(tokens('法式长棍面包')).toEqual(
      expect.arrayContaining(['changgunmianbao', 'zhanggunmianbao', 'cgmb', 'zgmb']),
    );
  });

  it('writes ü as v, as pinyin keyboards type it, and as u', () => {
    expect(tokens('绿豆糕')).toEqual(expect.arrayContaining(['lvdougao', 'ludougao', 'ldg']));
  });

  it('reads Han characters only, across spaces and sizes, and gives nothing for a name without any', () => {
    expect(tokens('旺仔 牛奶 245ml')).toEqual(expect.arrayContaining(['wangzainiunai', 'wznn']));
    expect(pinyinTerms('Coca-Cola 330ml')).toBe('');
    expect(pinyinTerms('')).toBe('');
    expect(pinyinTerms('𠮷野家')).toMatch(/^[a-z ]+$/);
  });

  it('stays bounded for a long name full of polyphonic characters', () => {
    const name = '长行乐会重还长行乐会重还'.repeat(6);
    const all = tokens(name);
    expect(all.length).toBeLessThan(400);
    expect(Math.max(...all.map((t) => t.length))).toBeLessThanOrEqual(60);
  });
});

describe('the pinyin query', () => {
  it('looks words of Latin letters up as pinyin prefixes and the rest in the names', () => {
    expect(pinyinMatch('njb')).toEqual({ pinyin: '"njb"*', names: null });
    expect(pinyinMatch('niu jiao')).toEqual({ pinyin: '"niu"* "jiao"*', names: null });
    expect(pinyinMatch('牛jb')).toEqual({ pinyin: '"jb"*', names: '"牛"' });
    expect(pinyinMatch('niunai 250ml')).toEqual({ pinyin: '"niunai"*', names: '"250ml"*' });
    expect(pinyinMatch('ＮＪＢ')).toEqual({ pinyin: '"NJB"*', names: null });
  });

  it('has nothing to look up when no word could be pinyin', () => {
    expect(pinyinMatch('牛奶 250')).toBeNull();
    expect(pinyinMatch('"\'();--')).toBeNull();
    expect(pinyinMatch('ñandú')).toBeNull();
  });
});
