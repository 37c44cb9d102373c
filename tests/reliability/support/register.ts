/** A contract register of `rows` rows in one council layout ("Contract number, Title of agreement…"). */
export function contractRegister(rows: number, prefix = 'KILL'): Buffer {
  const lines = [
    'Contract number,Title of agreement,Supplier name,Department,Contract value,Start date,End date'
  ];
  for (let i = 1; i <= rows; i++) {
    const year = 2018 + (i % 8);
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      [
        `${prefix}-${String(i).padStart(6, '0')}`,
        `Contract for service ${i}`,
        `Supplier ${i % 900} Ltd`,
        'Environment',
        `"£${(1000 + i * 37).toLocaleString('en-GB')}.00"`,
        `01/${month}/${year}`,
        `28/${month}/${year + 5}`
      ].join(',')
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
