import { describe, expect, it } from 'vitest';
import { cyrillicToLatin } from '../../../src/domain/transliterate.ts';

describe('cyrillicToLatin', () => {
  it('transliterates the whole lowercase alphabet', () => {
    expect(cyrillicToLatin('абвгдђежзијклљмнњопрстћуфхцчџш')).toBe('abvgdđežzijklljmnnjoprstćufhcčdžš');
  });

  it('transliterates the whole capital alphabet', () => {
    expect(cyrillicToLatin('А Б В Г Д Ђ Е Ж З И Ј К Л Љ М Н Њ О П Р С Т Ћ У Ф Х Ц Ч Џ Ш')).toBe(
      'A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š',
    );
  });

  it('writes a capital digraph in title case before lowercase letters', () => {
    expect(cyrillicToLatin('Љубав')).toBe('Ljubav');
    expect(cyrillicToLatin('Његош')).toBe('Njegoš');
    expect(cyrillicToLatin('Џемаил Џаферовић')).toBe('Džemail Džaferović');
  });

  it('writes a capital digraph in capitals inside an all-capitals word', () => {
    expect(cyrillicToLatin('ЉУБАВ')).toBe('LJUBAV');
    expect(cyrillicToLatin('ЏЕП')).toBe('DŽEP');
    expect(cyrillicToLatin('КОЊ')).toBe('KONJ');
  });

  it('writes a word-final capital digraph in capitals before a space or punctuation', () => {
    expect(cyrillicToLatin('КОЊ И ПАС')).toBe('KONJ I PAS');
    expect(cyrillicToLatin('КОЊ.')).toBe('KONJ.');
  });

  it('writes a capital digraph standing alone in title case', () => {
    expect(cyrillicToLatin('Љ')).toBe('Lj');
  });

  it('leaves non-Cyrillic text unchanged', () => {
    const text = 'Gjakovë, Đorđe Šćepanović — 12/3 “ok” ÇË 😀';
    expect(cyrillicToLatin(text)).toBe(text);
  });

  it('transliterates Cyrillic mixed with other text', () => {
    expect(cyrillicToLatin('ОШ „Вук Караџић“, Ниш 18000')).toBe('OŠ „Vuk Karadžić“, Niš 18000');
  });
});
